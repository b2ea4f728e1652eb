/**
 * Checks a URL a person wants to add as an RPC for a chain, before the app uses it: a well-formed
 * https URL (http only for a node on this computer), not already listed, allowed by this site's
 * Content-Security-Policy, answering, and serving the chain it is added for.
 */
import { Endpoint } from '../../lib/rpc/endpoint.ts';
import * as m from '../../lib/i18n/messages.ts';

export type CheckResult = { ok: true; url: string } | { ok: false; message: string };

const LOCAL = /^(127\.0\.0\.1|localhost|\[::1\])$/;

/** The origins this page's CSP lets it connect to (undefined: no CSP, anything goes). */
export function allowedOrigins(doc: Document | undefined = globalThis.document): string[] | undefined {
  const meta = doc?.querySelector<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy"]');
  const connect = meta?.content
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([name]) => name === 'connect-src');
  return connect?.slice(1);
}

/** Whether `url` is within the CSP's connect-src sources (`sources` undefined: no policy). */
export function cspAllows(url: URL, sources: string[] | undefined): boolean {
  if (!sources) return true;
  return sources.some((s) => {
    if (s === '*' || s === url.protocol || s === url.origin) return true;
    // A wildcard host source: https://*.example.org admits any subdomain of example.org.
    const wild = /^(https?:)\/\/\*\.([^/:]+)(:\d+)?$/.exec(s);
    return (
      !!wild &&
      wild[1] === url.protocol &&
      url.hostname.endsWith(`.${wild[2]}`) &&
      (wild[3] ?? '') === (url.port ? `:${url.port}` : '')
    );
  });
}

export async function checkEndpoint(
  text: string,
  chain: { id: number; name: string },
  listed: string[],
  options: { sources?: string[]; fetch?: typeof fetch } = { sources: allowedOrigins() },
): Promise<CheckResult> {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: m.network_check_not_a_url() };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL.test(url.hostname)))
    return { ok: false, message: m.network_check_not_https() };
  if (url.username || url.password) return { ok: false, message: m.network_check_credentials() };
  const normalized = url.pathname === '/' && !url.search ? url.origin : url.href;
  if (listed.some((u) => u.replace(/\/$/, '') === normalized.replace(/\/$/, '')))
    return { ok: false, message: m.network_check_already_listed() };
  if (!cspAllows(url, options.sources))
    return {
      ok: false,
      message: m.network_check_not_allowed({ origin: url.origin }),
    };
  let answer: unknown;
  try {
    answer = await new Endpoint(normalized, { timeoutMs: 8_000, fetch: options.fetch }).request('eth_chainId');
  } catch (error) {
    const reason = (error as { shortMessage?: string; message?: string }).shortMessage ?? String(error);
    return { ok: false, message: m.network_check_no_answer({ host: url.host, reason }) };
  }
  const id = typeof answer === 'string' && /^0x[0-9a-f]+$/i.test(answer) ? Number(BigInt(answer)) : undefined;
  if (id === undefined) return { ok: false, message: m.network_check_no_chain_id({ host: url.host }) };
  if (id !== chain.id)
    return {
      ok: false,
      message: m.network_check_wrong_chain({ host: url.host, id, chain: chain.name, expected: chain.id }),
    };
  return { ok: true, url: normalized };
}
