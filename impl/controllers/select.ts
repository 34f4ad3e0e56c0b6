// Which controllers run: kube-controller-manager's --controllers flag.
//
// "A list of controllers to enable. '*' enables all on-by-default controllers, 'foo' enables
// the controller named 'foo', '-foo' disables the controller named 'foo'." The first entry
// that names a controller decides; a name no controller has is an error, not a silent no-op.
// Real Kubernetes: cmd/kube-controller-manager/app/controllermanager.go (IsControllerEnabled,
// and the check of unknown names in options.Validate).

import type { ControllerDescriptor } from './descriptor.js';

// #region is-controller-enabled
export function isControllerEnabled(descriptor: ControllerDescriptor, entries: readonly string[]): boolean {
  const names = [descriptor.name, ...descriptor.aliases];
  let hasStar = false;
  for (const entry of entries) {
    if (names.includes(entry)) return true;
    if (entry.startsWith('-') && names.includes(entry.slice(1))) return false;
    if (entry === '*') hasStar = true;
  }
  return hasStar && descriptor.enabledByDefault;
}
// #endregion is-controller-enabled

/** The enabled descriptors, in list order; throws for an entry that names no controller. */
export function selectControllers(descriptors: readonly ControllerDescriptor[], flag: string): ControllerDescriptor[] {
  const entries = flag
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const known = descriptors.flatMap((descriptor) => [descriptor.name, ...descriptor.aliases]);
  for (const entry of entries) {
    const name = entry.replace(/^-/, '');
    if (name !== '*' && !known.includes(name)) {
      throw new Error(
        `"${name}" is not in the list of known controllers: ` +
          `${descriptors.map((descriptor) => descriptor.name).join(', ')}`,
      );
    }
  }
  return descriptors.filter((descriptor) => isControllerEnabled(descriptor, entries));
}
