// Stopping the API server without losing an answer: finish what was asked, then go.
//
// A client whose request the server committed to etcd but never answered cannot tell "done"
// from "not done". A controller that sees such a create fail lowers its expectations and creates
// again, so an abrupt stop can leave one pod too many for the next sync to delete, and the audit
// log never hears of the first create. kube-apiserver avoids that on SIGTERM: it stops taking
// new connections, lets the requests it is serving finish (up to its request timeout), and only
// then ends the long-running ones, its watches, and exits. A client that asked too late gets a
// refused connection: nothing was done, and trying again is safe.
//
// kubelab keeps the order and drops the delays: no --shutdown-delay-duration (a load balancer's
// time to notice), and watches end together with the idle connections rather than after a
// grace period of their own. Real Kubernetes: apiserver/pkg/server/genericapiserver.go
// (RunWithContext's shutdown sequence) and filters/waitgroup.go (WithWaitGroup).

import type { Server, ServerResponse } from 'node:http';

/** How long shutdown waits for requests in flight; kube-apiserver waits up to its 60 s request timeout. */
export const DefaultDrainTimeoutMs = 60_000;

export class GracefulShutdown {
  private inFlight = 0;
  private readonly watches = new Set<ServerResponse>();
  private drained: (() => void) | undefined;
  private isStopping = false;

  /**
   * Count one request from its arrival until `finished` resolves (after its audit line is
   * written). A watch is long-running: it is not waited for, it is ended at shutdown.
   */
  async track(response: ServerResponse, isWatch: boolean, serve: () => Promise<void>): Promise<void> {
    // A response given while stopping tells the client not to reuse the connection.
    if (this.isStopping) response.setHeader('Connection', 'close');
    if (isWatch) {
      this.watches.add(response);
      response.on('close', () => this.watches.delete(response));
      return serve();
    }
    this.inFlight++;
    try {
      await serve();
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) this.drained?.();
    }
  }

  /** Stop taking connections, end the watches, wait for requests in flight, then close every connection. */
  async stop(server: Server, timeoutMs = DefaultDrainTimeoutMs): Promise<void> {
    this.isStopping = true;
    server.close();
    server.closeIdleConnections();
    for (const watch of this.watches) watch.end();
    if (this.inFlight > 0) {
      const allAnswered = new Promise<void>((resolve) => (this.drained = resolve));
      await Promise.race([allAnswered, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
    }
    server.closeAllConnections();
  }

  /** Requests being served now, watches aside. */
  get requestsInFlight(): number {
    return this.inFlight;
  }

  get watchesOpen(): number {
    return this.watches.size;
  }
}
