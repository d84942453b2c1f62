/**
 * Score normalization shared by plugins.
 * Models pkg/scheduler/framework/plugins/helper/normalize_score.go DefaultNormalizeScore.
 */

/**
 * Scales scores so the highest becomes `maxPriority` (integer arithmetic); `reverse` flips them so the lowest
 * raw score wins. With all scores 0, reverse gives everyone `maxPriority`.
 */
export function defaultNormalizeScore(maxPriority: number, reverse: boolean, scores: Float64Array): void {
  let max = 0;
  for (let i = 0; i < scores.length; i++) if (scores[i]! > max) max = scores[i]!;
  if (max === 0) {
    if (reverse) scores.fill(maxPriority);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    let s = Math.trunc((maxPriority * scores[i]!) / max);
    if (reverse) s = maxPriority - s;
    scores[i] = s;
  }
}
