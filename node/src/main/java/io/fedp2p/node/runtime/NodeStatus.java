package io.fedp2p.node.runtime;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the HTTP API shows, replaced as a whole by the engine thread and read by the API's event loop.
 *
 * @param status the {@code /status} object ({@code peerId}, {@code round}, {@code listenAddrs}, {@code peers}, ...)
 * @param peers the {@code /peers} array
 */
record NodeStatus(ObjectNode status, ArrayNode peers) {}
