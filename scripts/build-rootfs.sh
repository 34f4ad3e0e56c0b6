#!/usr/bin/env bash
# Assemble kubelab's runtime root filesystem from this machine's own binaries.
#
# No image can be pulled on the machines kubelab runs on, so the one image every kubelab
# container uses is made here: the commands below (etcd, iptables and ip for the components;
# ps, pgrep, pkill, curl, sh, cat, ls, rm and mkdir for a person inside a node), the shared libraries `ldd`
# names for them, iptables' extension modules, and a few files in /etc. Files keep their host
# paths, so the dynamic loader and iptables find them where they were compiled to look.
# kubelab's own code is not in the image: it is bind-mounted at run time.
#
#   build-rootfs.sh --inputs    print each input file with its size and mtime (the image key)
#   build-rootfs.sh <dir>       write <dir>/rootfs.tar and <dir>/Dockerfile
#
# NODE_BINARY chooses the node to copy (default: the node on PATH).
set -euo pipefail

export PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:$PATH"
COMMANDS=(etcd iptables iptables-save iptables-restore ip ps pgrep pkill curl sh cat ls rm mkdir)
NODE_BINARY="${NODE_BINARY:-$(command -v node)}"
IMAGE_PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

die() { echo "build-rootfs.sh: $*" >&2; exit 1; }

require_commands() {
  local name
  [ -x "$NODE_BINARY" ] || die "node not found at '$NODE_BINARY'"
  for name in "${COMMANDS[@]}"; do
    command -v "$name" >/dev/null || die "command '$name' not found on this machine (run scripts/setup.sh)"
  done
}

# The paths of the commands the image must run.
command_paths() {
  echo "$NODE_BINARY"
  for name in "${COMMANDS[@]}"; do command -v "$name"; done
}

# Absolute paths of the shared libraries (and the loader) that ldd lists for the given files.
libraries_of() {
  { ldd "$@" 2>/dev/null || true; } | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^\// && $i !~ /:$/) print $i }'
}

# iptables loads its match and target modules with dlopen, from a folder beside libxtables.
xtables_dir() {
  local libxtables dir
  libxtables=$(libraries_of "$(realpath "$(command -v iptables)")" | grep '/libxtables\.so' | head -n 1)
  [ -n "$libxtables" ] || die "iptables does not link libxtables; cannot find its modules"
  for dir in "$(dirname "$libxtables")/xtables" "/usr$(dirname "$libxtables")/xtables"; do
    if [ -d "$dir" ]; then realpath "$dir"; return; fi
  done
  die "no xtables module folder beside $libxtables"
}

# The commands and the libraries they link (the xtables modules are added separately).
input_paths() {
  local commands
  mapfile -t commands < <(command_paths)
  printf '%s\n' "${commands[@]}"
  libraries_of "${commands[@]}" | sort -u
}

# The key lists the xtables modules but not the few libraries they link: finding those takes
# an ldd per module (most of a second), and this runs at every cluster start.
print_inputs() {
  local modules
  modules=$(xtables_dir)
  { input_paths | xargs realpath; find "$modules" -maxdepth 1 -type f; } | sort -u | xargs stat -c '%n %s %Y'
}

# Copy one host path into the root, at its real location, and keep the name it was asked by.
add_path() {
  local root=$1 path=$2 real
  real=$(realpath "$path")
  if [ ! -e "$root$real" ]; then
    mkdir -p "$(dirname "$root$real")"
    cp --preserve=mode "$real" "$root$real"
  fi
  if [ "$path" != "$real" ] && [ ! -e "$root$path" ] && [ ! -L "$root$path" ]; then
    mkdir -p "$(dirname "$root$path")"
    ln -s "$real" "$root$path"
  fi
}

# Keep the host's merged-/usr links (/lib -> usr/lib, ...) so library paths mean the same inside.
add_top_level_links() {
  local root=$1 top target
  for top in bin sbin lib lib64; do
    [ -L "/$top" ] || continue
    target=$(readlink "/$top")
    mkdir -p "$root/${target#/}"
    ln -s "${target#/}" "$root/$top"
  done
}

add_etc_files() {
  local root=$1
  mkdir -p "$root/etc" "$root/tmp" "$root/run" "$root/var" "$root/root"
  chmod 1777 "$root/tmp"
  ln -s ../run "$root/var/run"
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$root/etc/nsswitch.conf"
  if [ -d /etc/iproute2 ]; then cp -r /etc/iproute2 "$root/etc/iproute2"; fi
}

build() {
  local out=$1 root modules module
  mkdir -p "$out"
  root=$(mktemp -d "$out/rootfs.XXXXXX")
  chmod 755 "$root"
  STAGING=$root
  trap 'rm -rf "$STAGING"' EXIT
  add_top_level_links "$root"
  add_etc_files "$root"
  modules=$(xtables_dir)
  while read -r path; do add_path "$root" "$path"; done < <(input_paths)
  for module in "$modules"/*.so; do add_path "$root" "$module"; done
  while read -r path; do add_path "$root" "$path"; done < <(libraries_of "$modules"/*.so | sort -u)
  tar -C "$root" --numeric-owner --owner=0 --group=0 -cf "$out/rootfs.tar" .
  cat >"$out/Dockerfile" <<EOF
FROM scratch
ADD rootfs.tar /
ENV PATH=$IMAGE_PATH XTABLES_LIBDIR=$modules
EOF
}

require_commands
case "${1:-}" in
  --inputs) print_inputs ;;
  "" | -*) die "usage: build-rootfs.sh --inputs | build-rootfs.sh <out-dir>" ;;
  *) build "$1" ;;
esac
