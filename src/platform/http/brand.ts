/** Flywheel's mark (the web app's favicon, `web/public/favicon.svg`): the docs page wears it too. */
export const flywheelMark = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><title>Flywheel</title><circle cx="32" cy="32" r="30" fill="#e4572e"/><circle cx="32" cy="32" r="18" fill="none" stroke="#fff" stroke-width="6"/><circle cx="32" cy="14" r="6" fill="#fff"/></svg>',
);
