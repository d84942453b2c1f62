/**
 * Reads the manifests named by `-f` (files, directories, `-` for stdin) and decodes them into objects or
 * kubectl-worded errors, one entry per document, in order.
 */
import type { KubeObject } from '../../engine';
import type { CommandContext } from '../context';
import { clientError } from '../errors';

/** One decoded document of a manifest. */
export interface ManifestDoc {
  /** The file it came from (`web.yaml`, `STDIN`), as kubectl names sources in messages. */
  source: string;
  obj?: KubeObject;
  /** A fully rendered client-side kubectl error for this document (the caller prints it and goes on). */
  error?: string;
  /**
   * A server-side decoding failure (strict field validation: unknown or mistyped fields), as the apiserver's
   * BadRequest message; the verb wraps it with `error when creating "<source>"`. `obj` holds what could be read
   * (kind, name, namespace) so the verb can tell create from patch.
   */
  badRequest?: string;
}

const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** Reads and decodes every document of every `-f` argument. Throws for a missing file (kubectl stops there). */
export function readManifests(ctx: CommandContext, filenames: readonly string[], recursive: boolean): ManifestDoc[] {
  const docs: ManifestDoc[] = [];
  for (const f of filenames) {
    if (f === '-') {
      docs.push(...decodeText(ctx.stdin ?? '', 'STDIN'));
      continue;
    }
    if (/^https?:\/\//.test(f)) throw clientError(`unable to read URL "${f}", server reported : the simulated cluster has no network access; save the manifest to a file and use -f <file>`);
    const listing = ctx.files.list(f);
    if (listing) {
      for (const entry of listing) {
        const path = `${f.replace(/\/$/, '')}/${entry}`;
        if (ctx.files.list(path)) {
          if (recursive) docs.push(...readManifests(ctx, [path], true));
          continue;
        }
        if (!MANIFEST_EXTENSIONS.some((e) => entry.endsWith(e))) continue;
        docs.push(...decodeText(ctx.files.read(path) ?? '', path));
      }
      continue;
    }
    const text = ctx.files.read(f);
    if (text === undefined) throw clientError(`the path "${f}" does not exist`);
    docs.push(...decodeText(text, f));
  }
  return docs;
}

function decodeText(text: string, source: string): ManifestDoc[] {
  return decodeManifestText(text, source);
}

// The decoder is wired in below (see decode.ts of the engine API).
import { decodeManifestText } from './decode-manifest';
