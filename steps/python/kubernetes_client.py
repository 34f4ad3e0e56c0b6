"""Drive Kubernetes' own Python client against a cluster, one command per run.

The features call this beside @kubernetes/client-node: a third real client that no one here
wrote. Each command prints JSON lines, so the steps read what the client saw, not what it
was asked to do.

    python3 kubernetes_client.py <kubeconfig> <namespace> list
    python3 kubernetes_client.py <kubeconfig> <namespace> watch <seconds>
    python3 kubernetes_client.py <kubeconfig> <namespace> patch <name> <key> <value>
    python3 kubernetes_client.py <kubeconfig> <namespace> replace <name> <resourceVersion>
"""

import json
import sys

from kubernetes import client, config, watch
from kubernetes.client.rest import ApiException


def say(**fields):
    print(json.dumps(fields), flush=True)


def main(kubeconfig, namespace, command, *args):
    config.load_kube_config(config_file=kubeconfig)
    core = client.CoreV1Api()
    if command == "list":
        for item in core.list_namespaced_config_map(namespace).items:
            say(name=item.metadata.name, data=item.data or {})
    elif command == "watch":
        # The client sends watch=True: kube-apiserver reads any value but "", "false"
        # and "0" as true, and so must kubelab.
        stream = watch.Watch().stream(
            core.list_namespaced_config_map, namespace, timeout_seconds=int(args[0])
        )
        say(watching=True)
        for event in stream:
            say(type=event["type"], name=event["object"].metadata.name)
    elif command == "patch":
        name, key, value = args
        # A dict body goes as a strategic merge patch, the client's default for PATCH.
        core.patch_namespaced_config_map(name, namespace, {"data": {key: value}})
        say(patched=name)
    elif command == "replace":
        name, resource_version = args
        body = client.V1ConfigMap(
            metadata=client.V1ObjectMeta(
                name=name, namespace=namespace, resource_version=resource_version
            ),
            data={"colour": "red"},
        )
        try:
            core.replace_namespaced_config_map(name, namespace, body)
            say(replaced=name)
        except ApiException as error:
            status = json.loads(error.body)
            say(code=error.status, kind=status.get("kind"), reason=status.get("reason"))
    else:
        sys.exit(f"unknown command {command}")


if __name__ == "__main__":
    main(*sys.argv[1:])
