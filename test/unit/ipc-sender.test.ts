import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../electron/security/ipc-sender';

const top = (url: string) => ({ url, parent: null });

describe('which frames main answers over IPC', () => {
  it('why origins are not compared: Node reports the origin of an app: URL as "null", like any opaque origin', () => {
    expect(new URL('app://custodian/index.html').origin).toBe('null');
    expect(new URL('data:text/html,hi').origin).toBe('null');
  });

  it.each(['app://custodian/index.html', 'app://custodian/index.html#/destruction', 'app://custodian/'])('answers the app’s own page %s', (url) => {
    expect(isTrustedSender(top(url))).toBe(true);
  });

  it.each([
    'app://custodian.evil.example/index.html',
    'app://evil/index.html',
    'app://user@custodian/index.html',
    'app://custodian:8080/index.html',
    'https://custodian/index.html',
    'file:///app/index.html',
    'data:text/html,app://custodian/',
    'about:blank',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isTrustedSender(top(url))).toBe(false);
  });

  it('refuses a subframe of the app’s page, and a missing frame', () => {
    expect(isTrustedSender({ url: 'app://custodian/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});
