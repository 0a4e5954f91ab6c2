#!/bin/sh
# Installs what KustomizeManifestsTest needs: a kubectl with `kubectl kustomize`.
# Idempotent and quiet: does nothing when a working kubectl is already on the PATH (or $KUBECTL is set).
# Otherwise installs Debian's kubernetes-client (kubectl 1.20, built-in kustomize v2.0.3); the
# kustomizations under k8s/ use only features that version renders the same as current kubectl.
set -eu

kubectl_works() {
    "$1" kustomize --help >/dev/null 2>&1
}

if [ -n "${KUBECTL:-}" ] && kubectl_works "$KUBECTL"; then
    exit 0
fi
if command -v kubectl >/dev/null 2>&1 && kubectl_works kubectl; then
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends kubernetes-client >/dev/null

if ! kubectl_works kubectl; then
    echo "install-k8s-tools: kubernetes-client installed but 'kubectl kustomize' does not run" >&2
    exit 1
fi
