/** How the result area colours kubectl's output, line by line. */

/** What an output line of `kubectl apply` says: a success, an error, a warning, or neither. */
export function outputLineKind(line: string): 'ok' | 'error' | 'warning' | 'plain' {
  if (/ (created|configured|unchanged|serverside-applied)( \((server )?dry run\))?$/.test(line)) return 'ok';
  if (/^Warning:/.test(line)) return 'warning';
  if (/^(error|Error from server|The .* is invalid)/.test(line) || /^\* /.test(line)) return 'error';
  return 'plain';
}
