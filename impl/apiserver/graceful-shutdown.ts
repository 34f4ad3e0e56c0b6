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

/** How often, while stopping, connections that went idle are closed. */
const IdleSweepIntervalMs = 20;

export class GracefulShutdown {
  private readonly inFlight = new Set<ServerResponse>();
  private readonly watches = new Set<ServerResponse>();
  private isStopping = false;

  /**
   * Count one request from its arrival until `serve` resolves (after its audit line is
   * written). A watch is long-running: it is not waited for, it is ended at shutdown.
   */
  async track(response: ServerResponse, isWatch: boolean, serve: () => Promise<void>): Promise<void> {
    // A response given while stopping tells the client not to reuse the connection.
    if (this.isStopping) response.setHeader('Connection', 'close');
    const requests = isWatch ? this.watches : this.inFlight;
    requests.add(response);
    response.on('close', () => requests.delete(response));
    try {
      await serve();
    } finally {
      if (!isWatch) requests.delete(response);
    }
  }

  /**
   * Stop taking connections, end the watches, and wait until every connection has closed: each
   * request in flight is answered with "Connection: close", and a kept-alive connection is
   * closed as soon as it is idle. Waiting for "no request in flight" would not do: a client can
   * send its next request on a kept-alive connection just after that moment, and cutting the
   * connection then could lose the answer to a write that was done.
   */
  async stop(server: Server, timeoutMs = DefaultDrainTimeoutMs): Promise<void> {
    this.isStopping = true;
    for (const response of this.inFlight) if (!response.headersSent) response.setHeader('Connection', 'close');
    const allClosed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const watch of this.watches) watch.end();
    server.closeIdleConnections();
    const sweeper = setInterval(() => server.closeIdleConnections(), IdleSweepIntervalMs);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([allClosed, timedOut]);
    clearInterval(sweeper);
    clearTimeout(timer);
    server.closeAllConnections();
  }

  /** Requests being served now, watches aside. */
  get requestsInFlight(): number {
    return this.inFlight.size;
  }

  get watchesOpen(): number {
    return this.watches.size;
  }
}
