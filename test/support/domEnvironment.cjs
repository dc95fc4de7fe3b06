// Jest's Node environment plus a jsdom document, for the React tests: Node's own fetch, Request,
// AbortController and timers stay (msw and the SDK need them), while window, document and the DOM
// classes come from jsdom (as global-jsdom does, but on the test's global rather than jest's own).
const { TestEnvironment } = require('jest-environment-node');
const { JSDOM } = require('jsdom');

class NodeWithDomEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
      url: 'http://localhost/',
      pretendToBeVisual: true,
    });
    const { window } = this.dom;
    for (const key of Object.getOwnPropertyNames(window)) {
      if (key.startsWith('_') || key in this.global) continue;
      this.global[key] = window[key];
    }
    this.global.window = window;
    this.global.document = window.document;
    window.console = this.global.console;
  }

  async teardown() {
    this.dom.window.close();
    await super.teardown();
  }
}

module.exports = NodeWithDomEnvironment;
