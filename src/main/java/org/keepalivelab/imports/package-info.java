/**
 * Reading a capture file someone else made (tcpdump, dumpcap, tshark, the lab itself): classic pcap and
 * pcapng, plain or gzip-compressed, from a file or standard input, streamed with bounded memory; the
 * link layers down to IP; connections found and numbered; duplicates dropped; every segment classified
 * by the live lab's own analyzer ({@code capture.TcpAnalyzer}) onto a {@code model.Timeline}.
 *
 * <p>It sits between {@code capture} and {@code lab}: it uses the capture's decoder and analyzer and
 * knows nothing of the lab's sockets. See docs/import.md.
 */
package org.keepalivelab.imports;
