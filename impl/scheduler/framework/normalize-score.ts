// Score normalization: bringing a plugin's raw scores onto the 0..100 scale.
//
// "Each score plugin's scores are normalized to 0..100 before they are weighted and summed."
// Most plugins scale by the best node: score = 100 × score / max, integer arithmetic; a plugin
// whose raw score counts bad things (untolerated taints) reverses it, so fewer is better.
// Kubernetes computes in int64; kubelab's integers are exact doubles below 2^53, and
// integerDivide truncates exactly as Go's `/` does for non-negative values.
//
// Real Kubernetes: pkg/scheduler/framework/plugins/helper/normalize_score.go.

import type { NodeScore, Status } from './types.js';
import { SuccessStatus } from './status.js';

// #region default-normalize-score
/**
 * Kubernetes' DefaultNormalizeScore: with maxCount the highest score, each score becomes
 * `maxPriority × score / maxCount` (then `maxPriority − that` if reverse). If every score is 0
 * they stay 0, or all become maxPriority when reversed.
 */
export function defaultNormalizeScore(maxPriority: number, reverse: boolean, scores: NodeScore[]): Status {
  let maxCount = 0;
  for (const entry of scores) maxCount = Math.max(maxCount, entry.score);
  if (maxCount === 0) {
    if (reverse) for (const entry of scores) entry.score = maxPriority;
    return SuccessStatus;
  }
  for (const entry of scores) {
    const scaled = integerDivide(maxPriority * entry.score, maxCount);
    entry.score = reverse ? maxPriority - scaled : scaled;
  }
  return SuccessStatus;
}
// #endregion default-normalize-score

/** Go's integer `/`: the quotient truncated toward zero, exact for safe integers. */
export function integerDivide(dividend: number, divisor: number): number {
  let quotient = Math.trunc(dividend / divisor);
  // The double quotient can round up across an integer when the operands are large: step back.
  while (Math.abs(quotient * divisor) > Math.abs(dividend)) quotient -= Math.sign(quotient);
  return quotient;
}
