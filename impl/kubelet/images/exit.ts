// The image `kubelab/exit`: exits with the code of its first argument (0 without one), after
// the seconds of its second. For restart policies: exit 0 is Completed, anything else Error.
// Real Kubernetes: `sh -c "exit N"` in the busybox image.

const [code = '0', afterSeconds = '0'] = process.argv.slice(2);
console.log(`exit: exiting with code ${code} in ${afterSeconds} s`);
setTimeout(() => process.exit(Number(code)), Number(afterSeconds) * 1000);
