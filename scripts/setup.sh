#!/usr/bin/env bash
# Prepare this machine for kubelab: system packages, a container engine that speaks the Docker
# API, node modules, a build, and the runtime image. Safe to run again: each step checks first
# and says what it found, so a machine that is ready is done in seconds.
#
# Engine: a Docker API socket that already answers (DOCKER_HOST, or /var/run/docker.sock from
# Docker or anything else) is used as it is. Otherwise podman serves the API as root: runc as
# its runtime, lower default ulimits, its service started detached, and /var/run/docker.sock
# linked to it so testcontainers finds it at the default place. The service keeps running after
# this script ends (and is started again by running it again, after a reboot). README.md's
# "What setup.sh installs and leaves running" says the same for a learner: keep the two in step.
set -euo pipefail

cd "$(dirname "$0")/.."

# etcd, iptables and ip are copied into the runtime image (build-rootfs.sh); etcdctl reads etcd as
# the features do; chromium renders the course for `npm run test:lessons`; python3-kubernetes is
# Kubernetes' own Python client, which features/api/official-clients.feature drives.
PACKAGES=(etcd-server etcd-client iptables iproute2 procps curl chromium python3-kubernetes)
ENGINE_PACKAGES=(podman runc)
CONTAINERS_CONF=/etc/containers/containers.conf
PODMAN_SOCKET=/run/podman/podman.sock
DOCKER_SOCKET=/var/run/docker.sock
PODMAN_LOG=/tmp/kubelab-podman-service.log
ENGINE_WAIT_SECONDS=20

say() { echo "setup: $*"; }
die() { echo "setup: error: $*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || die "not root and no sudo: run this script as root"
  SUDO="sudo -n"
fi

# Whether a Docker API answers GET /_ping on a unix socket.
engine_answers() {
  node -e '
    const req = require("node:http").get({ socketPath: process.argv[1], path: "/_ping", timeout: 2000 }, (res) => process.exit(res.statusCode === 200 ? 0 : 1));
    req.on("error", () => process.exit(1));
    req.on("timeout", () => process.exit(1));
  ' "$1" 2>/dev/null
}

is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'; }

install_packages() {
  local missing=() package
  for package in "$@"; do is_installed "$package" || missing+=("$package"); done
  if [ ${#missing[@]} -eq 0 ]; then
    say "packages present: $*"
    return
  fi
  say "installing ${missing[*]} (apt-get)"
  $SUDO apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}"
}

# Add `line` under `[section]` of containers.conf unless `key` is already set there.
ensure_conf_setting() {
  local section=$1 key=$2 line=$3
  if grep -Eq "^[[:space:]]*$key[[:space:]]*=" "$CONTAINERS_CONF" 2>/dev/null; then
    say "$CONTAINERS_CONF already sets $key"
    return
  fi
  say "setting $line in [$section] of $CONTAINERS_CONF"
  $SUDO mkdir -p "$(dirname "$CONTAINERS_CONF")"
  $SUDO touch "$CONTAINERS_CONF"
  if grep -q "^\[$section\]" "$CONTAINERS_CONF"; then
    $SUDO sed -i "/^\[$section\]/a $line" "$CONTAINERS_CONF"
  else
    printf '[%s]\n%s\n' "$section" "$line" | $SUDO tee -a "$CONTAINERS_CONF" >/dev/null
  fi
}

start_podman_service() {
  if engine_answers "$PODMAN_SOCKET"; then
    say "podman service answers at $PODMAN_SOCKET"
    return
  fi
  say "starting the podman service at $PODMAN_SOCKET (detached; log in $PODMAN_LOG)"
  $SUDO mkdir -p "$(dirname "$PODMAN_SOCKET")"
  $SUDO rm -f "$PODMAN_SOCKET"
  $SUDO setsid -f podman system service --time=0 "unix://$PODMAN_SOCKET" </dev/null >>"$PODMAN_LOG" 2>&1
  local waited=0
  until engine_answers "$PODMAN_SOCKET"; do
    [ "$waited" -lt $((ENGINE_WAIT_SECONDS * 10)) ] || die "podman service did not answer within ${ENGINE_WAIT_SECONDS}s; see $PODMAN_LOG"
    sleep 0.1
    waited=$((waited + 1))
  done
}

link_docker_socket() {
  if [ -e "$DOCKER_SOCKET" ] || [ -L "$DOCKER_SOCKET" ]; then
    say "$DOCKER_SOCKET exists ($(readlink "$DOCKER_SOCKET" || echo socket))"
    return
  fi
  say "linking $DOCKER_SOCKET to $PODMAN_SOCKET"
  $SUDO ln -s "$PODMAN_SOCKET" "$DOCKER_SOCKET"
}

# Whether an engine already serves the Docker API; if so, kubelab uses it as it is.
has_engine() {
  if [ -n "${DOCKER_HOST:-}" ]; then
    case "$DOCKER_HOST" in
      unix://*) engine_answers "${DOCKER_HOST#unix://}" || die "DOCKER_HOST=$DOCKER_HOST does not answer" ;;
    esac
    say "using the engine at DOCKER_HOST=$DOCKER_HOST"
    return 0
  fi
  if engine_answers "$DOCKER_SOCKET"; then
    say "a container engine answers at $DOCKER_SOCKET; using it as it is"
    return 0
  fi
  if [ -S "$DOCKER_SOCKET" ] && [ ! -L "$DOCKER_SOCKET" ]; then
    die "$DOCKER_SOCKET exists but does not answer: start that engine (e.g. systemctl start docker) and run again"
  fi
  return 1
}

# podman gives containers 1048576 open files by default; where its service may itself open fewer,
# runc refuses to start any container ("error setting rlimit"). 4096 is plenty for kubelab's.
setup_podman() {
  ensure_conf_setting containers default_ulimits 'default_ulimits = ["nofile=4096:4096", "nproc=4096:4096"]'
  ensure_conf_setting engine runtime 'runtime = "runc"'
  start_podman_service
  link_docker_socket
  engine_answers "$DOCKER_SOCKET" || die "$DOCKER_SOCKET does not answer after setup"
}

setup_node_modules() {
  if [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
    say "node_modules matches package-lock.json"
    return
  fi
  # npm install, not npm ci: the lock file records only this platform's optional binaries
  # (Biome's), and npm ci refuses a lock without the others. npm install still follows the lock.
  say "installing node modules (npm install)"
  npm install --no-audit --no-fund
}

if has_engine; then
  install_packages "${PACKAGES[@]}"
else
  # The lessons' Try-it commands say `docker`: where no docker command exists, podman's stands in.
  command -v docker >/dev/null || ENGINE_PACKAGES+=(podman-docker)
  install_packages "${PACKAGES[@]}" "${ENGINE_PACKAGES[@]}"
  setup_podman
fi
command -v kubectl >/dev/null || say "warning: kubectl is not on PATH; the features that use it will fail"
setup_node_modules
say "building (npm run build)"
npm run build --silent
node scripts/build-images.mjs
say "ready"
