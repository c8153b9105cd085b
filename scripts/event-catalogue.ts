// Writes docs/events.md from the modules' event declarations (`npm run docs:events`).
import { writeFileSync } from 'node:fs';
import { allModules } from '../src/app.js';
import { renderEventCatalogue } from '../src/platform/event-catalogue.js';

writeFileSync(new URL('../docs/events.md', import.meta.url), renderEventCatalogue(allModules()));
console.log('docs/events.md written');
