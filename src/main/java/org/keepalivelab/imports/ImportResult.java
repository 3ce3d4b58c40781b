package org.keepalivelab.imports;

import java.util.List;
import java.util.Optional;

/**
 * What an import read: the counts its event log's header carries, where the file ended early, and the
 * connections in the order of their first packet. Its segments are on the timeline it was given.
 *
 * @param file              the name it was opened by ({@code -} for standard input)
 * @param startEpochNanos   the file's first packet, in ns since the epoch: {@code t} counts from it
 * @param packetsRead       every packet in the file (up to where it ended)
 * @param packetsSkipped    packets that were not TCP over IPv4 or IPv6 on a link the lab reads
 * @param packetsDuplicated the same packet seen twice within a millisecond, dropped ({@link DuplicateWindow})
 * @param packetsFiltered   TCP packets of connections {@code filter} left out
 * @param truncatedAt       where the file ended inside a packet, if it did
 * @param assumed           timeline indexes of labels assumed from the capture ({@code TcpAnalyzer.forCapture})
 * @param filter            the connections asked for, or null for all
 */
public record ImportResult(String file, long startEpochNanos, long packetsRead, long packetsSkipped,
                           long packetsDuplicated, long packetsFiltered, Optional<Position> truncatedAt,
                           List<Connection> connections, EventIndexes assumed, EndpointFilter filter) {

    /** One connection: its number (lane), its ends, and how its client was told from its server. */
    public record Connection(int conn, Endpoint client, Endpoint server, ClientRule clientRule) {
    }
}
