// The image `kubelab/sleeper`: does nothing, for as long as it is let.
//
// It sleeps for the seconds of its first argument (forever without one), then exits 0. On
// SIGTERM it exits at once, unless started with `--ignore-sigterm`: then only the SIGKILL that
// follows the grace period stops it, which is how graceful deletion can be seen.
// Real Kubernetes: `sleep` in the busybox image; agnhost's `pause`.

const args = process.argv.slice(2);
const ignoreSigterm = args.includes('--ignore-sigterm');
const seconds = Number(args.find((arg) => !arg.startsWith('--')) ?? Number.POSITIVE_INFINITY);

const timer = setInterval(() => {}, 1 << 30);
if (Number.isFinite(seconds)) setTimeout(() => process.exit(0), seconds * 1000);
process.on('SIGTERM', () => {
  console.log(`sleeper: SIGTERM${ignoreSigterm ? ', ignored' : ', exiting'}`);
  if (!ignoreSigterm) {
    clearInterval(timer);
    process.exit(0);
  }
});
// Said once SIGTERM has its handler: a reader of the log knows from here on that it is caught.
console.log(`sleeper: sleeping ${Number.isFinite(seconds) ? `${seconds} s` : 'forever'}`);
