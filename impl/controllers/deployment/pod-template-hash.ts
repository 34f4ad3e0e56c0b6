// The pod-template-hash: a short name for one version of a Deployment's pod template.
//
// "The pod-template-hash label is added by the Deployment controller to every ReplicaSet that a
// Deployment creates or adopts. This label ensures that child ReplicaSets of a Deployment do not
// overlap." (kubernetes.io, Deployments). The same template always gives the same hash, so the
// new ReplicaSet's name `<deployment>-<hash>` is deterministic and a retried create finds its
// own earlier attempt. The hash is FNV-32a of the template (plus collisionCount, when set, to
// step past a name taken by a different template); its decimal digits are each mapped onto the
// "safe" alphabet bcdfghjklmnpqrstvwxz2456789, so no vowels spell words.
//
// kubelab hashes the template's canonical JSON (sorted keys, no null fields), where Kubernetes
// hashes Go's dump of the PodTemplateSpec struct (dump.ForHash): the same kind of value (up to
// 10 characters of that alphabet), not the same value. Real Kubernetes: pkg/controller/
// controller_utils.go (ComputeHash), apimachinery/pkg/util/rand/rand.go (SafeEncodeString).

import { canonicalJson } from '../../client/canonical-json.js';
import type { PodTemplateSpec } from '../../client/types.js';

/** The characters generated names and hashes use: no vowels, and no 0, 1 or 3. */
export const SafeAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

const FnvOffsetBasis = 0x811c9dc5;
const FnvPrime = 0x01000193;

// #region pod-template-hash
/** The hash that names a template's ReplicaSet and labels its pods (ComputeHash). */
export function podTemplateHash(template: PodTemplateSpec, collisionCount?: number): string {
  let bytes = Buffer.from(canonicalJson(template), 'utf8');
  if (collisionCount !== undefined) {
    // Eight bytes, the count little-endian in the first four, as Kubernetes writes them.
    const count = Buffer.alloc(8);
    count.writeUInt32LE(collisionCount >>> 0, 0);
    bytes = Buffer.concat([bytes, count]);
  }
  return safeEncodeString(String(fnv32a(bytes)));
}

/** FNV-1a, 32 bits: xor each byte in, then multiply by the FNV prime. */
export function fnv32a(bytes: Uint8Array): number {
  let hash = FnvOffsetBasis;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, FnvPrime) >>> 0;
  return hash;
}

/** Maps each character onto the safe alphabet by its code (SafeEncodeString). */
export function safeEncodeString(text: string): string {
  return [...text].map((character) => SafeAlphabet[(character.codePointAt(0) ?? 0) % SafeAlphabet.length]).join('');
}
// #endregion pod-template-hash
