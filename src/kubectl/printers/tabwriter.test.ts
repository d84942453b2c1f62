import { describe, expect, it } from 'vitest';
import { formatRows, tabwrite } from './tabwriter';

describe('tabwriter', () => {
  it('pads every column to its widest cell plus 3 and leaves the last column unpadded', () => {
    expect(formatRows([
      ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
      ['nginx', '1/1', 'Running', '0', '10s'],
    ])).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\n' +
      'nginx   1/1     Running   0          10s\n',
    );
  });

  it('keeps columns at least 6 wide', () => {
    expect(formatRows([['A', 'B'], ['1', '2']])).toBe('A     B\n1     2\n');
  });

  it('pads empty cells, leaving trailing spaces before an empty last cell', () => {
    expect(formatRows([['NAME', 'APP'], ['web-0', '']])).toBe('NAME    APP\nweb-0   \n');
  });

  it('measures width in runes, not UTF-16 units', () => {
    expect(formatRows([['名前', 'X'], ['😀', 'y']])).toBe('名前    X\n😀     y\n');
  });

  it('lays out separate column blocks when lines have different cell counts', () => {
    // The single-cell middle line ends the first block; the last block is sized on its own.
    expect(tabwrite('a\tbb\tc\nxxxxxxxx\tyy\tz\nsolo\nq\tr\n')).toBe(
      'a          bb    c\n' +
      'xxxxxxxx   yy    z\n' +
      'solo\n' +
      'q     r\n',
    );
  });

  it('returns nothing for no rows', () => {
    expect(formatRows([])).toBe('');
    expect(tabwrite('')).toBe('');
  });
});
