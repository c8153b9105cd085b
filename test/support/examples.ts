// The example bodies live with the app (the API docs show them); the suites read them from there.
export { exampleBody } from '../../src/api-examples.js';
