import { describe, expect, it } from '@jest/globals';
import { redirectUriProblem } from './redirect-uris.js';

describe('redirect URIs a client may register', () => {
  const dev = { baseDomain: 'localhost', production: false };
  const prod = { baseDomain: 'guichet.example', production: true };

  it('accepts https anywhere and http to loopback hosts', () => {
    for (const uri of [
      'https://app.cegepsi.ca/callback',
      'http://localhost:8080/cb',
      'http://127.0.0.1/cb',
      'http://[::1]:9000/cb',
    ])
      expect(redirectUriProblem(uri, prod)).toBeNull();
  });

  it('accepts http to the development base domain only outside production', () => {
    expect(redirectUriProblem('http://app.localhost:3000/cb', dev)).toBeNull();
    expect(redirectUriProblem('http://app.guichet.example/cb', prod)).toMatch(/use https/);
  });

  it('refuses other schemes, plain http elsewhere, fragments, credentials and relative URIs', () => {
    expect(redirectUriProblem('http://app.cegepsi.ca/cb', dev)).toMatch(/use https/);
    expect(redirectUriProblem('javascript:alert(1)', dev)).toMatch(/only https/);
    expect(redirectUriProblem('https://app.cegepsi.ca/cb#x', dev)).toMatch(/fragment/);
    expect(redirectUriProblem('https://u:p@app.cegepsi.ca/cb', dev)).toMatch(/credentials/);
    expect(redirectUriProblem('/callback', dev)).toMatch(/absolute/);
  });
});
