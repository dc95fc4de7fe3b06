import { describe, expect, it } from '@jest/globals';
import { instanceHref, parseRoute, spaceHref } from '../../src/console/app/route.js';

describe('the console’s routes', () => {
  it('reads the pages from the hash, names decoded', () => {
    expect(parseRoute('')).toEqual({ page: 'spaces' });
    expect(parseRoute('#/')).toEqual({ page: 'spaces' });
    expect(parseRoute(spaceHref('a/b %'))).toEqual({ page: 'space', spaceId: 'a/b %' });
    expect(parseRoute(instanceHref('s-1', 'i 2'))).toEqual({ page: 'instance', spaceId: 's-1', instanceId: 'i 2' });
    expect(parseRoute('#/elsewhere')).toEqual({ page: 'unknown' });
  });

  it('gives a route for any hash: malformed percent-encoding is an unknown page, not a URIError', () => {
    for (const hash of ['#/spaces/%', '#/spaces/%E0%A4%A', '#/spaces/s-1/instances/%zz', '#%', '#/%ff'])
      expect(parseRoute(hash)).toEqual({ page: 'unknown' });
  });
});
