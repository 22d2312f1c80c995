import { describe, expect, it } from '@jest/globals';
import {
  refusedAddressReason,
  SmtpAllowList,
  SmtpTargetPolicy,
  SmtpTargetRefused,
} from './smtp-target.js';

const policy = (allowed = '', resolve?: (host: string) => Promise<string[]>) =>
  new SmtpTargetPolicy(SmtpAllowList.parse(allowed), resolve);

describe('refusedAddressReason', () => {
  it.each([
    ['127.0.0.1', /loopback/],
    ['127.8.9.10', /loopback/],
    ['::1', /loopback/],
    ['10.1.2.3', /private/],
    ['172.16.0.1', /private/],
    ['192.168.1.1', /private/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['169.254.169.254', /metadata/],
    ['169.254.10.10', /link-local/],
    ['fe80::1', /link-local/],
    ['fd00:ec2::254', /metadata/],
    ['fc00::1', /unique local/],
    ['0.0.0.0', /unspecified/],
    ['::', /unspecified/],
    ['224.0.0.1', /multicast/],
    ['ff02::1', /multicast/],
    ['255.255.255.255', /broadcast/],
    ['::ffff:127.0.0.1', /loopback/],
    ['::ffff:7f00:1', /loopback/],
    ['::ffff:10.0.0.1', /private/],
    ['::ffff:169.254.169.254', /metadata/],
    ['64:ff9b::a00:1', /private/],
    ['2002:c0a8:101::1', /private/],
    ['::7f00:1', /reserved/],
    ['2001:db8::1', /reserved/],
    ['192.0.2.1', /reserved/],
    ['240.0.0.1', /reserved/],
  ])('refuses %s', (address, reason) => {
    expect(refusedAddressReason(address)).toMatch(reason);
  });

  it.each([
    '198.51.99.1',
    '8.8.8.8',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('accepts the public address %s', (address) => {
    expect(refusedAddressReason(address)).toBeNull();
  });
});

describe('SmtpAllowList', () => {
  it('matches names, addresses and networks, and refuses a bad entry', () => {
    const list = SmtpAllowList.parse(' relay.corp.example , 127.0.0.1, 10.0.0.0/8, [fd00::1] ,');
    expect(list.allowsHost('Relay.Corp.Example.')).toBe(true);
    expect(list.allowsHost('127.0.0.1')).toBe(true);
    expect(list.allowsHost('[fd00::1]')).toBe(true);
    expect(list.allowsHost('10.9.9.9')).toBe(true);
    expect(list.allowsHost('localhost')).toBe(false);
    expect(list.allowsAddress('::ffff:10.2.3.4')).toBe(true);
    expect(list.allowsAddress('127.0.0.2')).toBe(false);
    expect(() => SmtpAllowList.parse('10.0.0.0/99')).toThrow(/CIDR/);
    expect(() => SmtpAllowList.parse('bad host!')).toThrow(/not a host name/);
  });
});

describe('SmtpTargetPolicy', () => {
  it('refuses internal targets and non-SMTP ports at save time, with a message', async () => {
    const p = policy();
    for (const host of [
      '127.0.0.1',
      'localhost',
      'LOCALHOST.',
      '[::1]',
      '169.254.169.254',
      'db.localhost',
      'metadata.google.internal',
      '10.0.0.5',
      '127.1',
      '2130706433',
    ]) {
      expect((await p.refusal(host, 25))?.message).toMatch(/^The SMTP server may not be on /);
    }
    expect(await p.refusal('smtp.example.com', 6379)).toEqual({
      field: 'port',
      message: expect.stringMatching(/not an SMTP port/),
    });
    expect(await p.refusal('198.51.99.1', 587)).toBeNull();
    // Not resolvable now: accepted, checked again when the worker connects.
    expect(await p.refusal('smtp.does-not-exist.invalid', 587)).toBeNull();
  });

  it('lets the operator list a host, which may then use any port', async () => {
    const p = policy('127.0.0.1,relay.corp.example');
    expect(await p.refusal('127.0.0.1', 1025)).toBeNull();
    expect(await p.refusal('relay.corp.example', 2526)).toBeNull();
    // The address is listed, not the name: localhost still resolves to a loopback address that is listed.
    expect((await p.refusal('localhost', 25))?.message).toMatch(/local or internal name/);
  });

  it('checks every address a name resolves to when connecting, and refuses the whole name for one bad address', async () => {
    const answers: Record<string, string[]> = {
      'smtp.rebind.example': ['198.51.99.1', '127.0.0.1'],
      'smtp.public.example': ['198.51.99.1', '2606:4700::1111'],
    };
    const p = policy('', async (host) => answers[host] ?? []);
    await expect(p.addresses('smtp.rebind.example', 587)).rejects.toThrow(SmtpTargetRefused);
    await expect(p.addresses('smtp.rebind.example', 587)).rejects.toThrow(
      /loopback.*resolves to 127\.0\.0\.1/,
    );
    await expect(p.addresses('smtp.public.example', 587)).resolves.toEqual([
      '198.51.99.1',
      '2606:4700::1111',
    ]);
    await expect(p.addresses('smtp.public.example', 6379)).rejects.toThrow(SmtpTargetRefused);
    expect(await p.refusal('smtp.public.example', 6379)).toMatchObject({ field: 'port' });
    // The admin learns that the name is internal, not the address it has; the log does.
    const refused = await p.refusal('smtp.rebind.example', 587);
    expect(refused).toMatchObject({
      field: 'host',
      message: expect.stringMatching(/loopback address \(what smtp\.rebind\.example resolves to\)/),
    });
    expect(refused!.message).not.toContain('127.0.0.1');
  });

  it('lets a name whose every address the operator listed use any port', async () => {
    const answers: Record<string, string[]> = {
      'relay.corp.example': ['10.1.2.3'],
      'mixed.corp.example': ['10.1.2.3', '198.51.99.1'],
    };
    const p = policy('10.0.0.0/8', async (host) => answers[host] ?? []);
    await expect(p.addresses('relay.corp.example', 1025)).resolves.toEqual(['10.1.2.3']);
    await expect(p.addresses('mixed.corp.example', 1025)).rejects.toMatchObject({ field: 'port' });
    await expect(p.addresses('mixed.corp.example', 587)).resolves.toEqual([
      '10.1.2.3',
      '198.51.99.1',
    ]);
  });

  it('gives up on a lookup that hangs: the save accepts the name, the connection fails', async () => {
    const p = new SmtpTargetPolicy(SmtpAllowList.parse(''), () => new Promise(() => undefined), 50);
    expect(await p.refusal('smtp.slow.example', 587)).toBeNull();
    await expect(p.addresses('smtp.slow.example', 587)).rejects.toMatchObject({ code: 'EDNS' });
  });

  it('resolves with the system resolver: localhost is refused unless listed by name', async () => {
    await expect(policy('127.0.0.1').addresses('127.0.0.1', 1025)).resolves.toEqual(['127.0.0.1']);
    await expect(policy('127.0.0.1').addresses('localhost', 25)).rejects.toThrow(SmtpTargetRefused);
    expect(await policy('localhost').addresses('localhost', 1025)).toContain('127.0.0.1');
  });
});
