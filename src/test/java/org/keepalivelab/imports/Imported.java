package org.keepalivelab.imports;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.keepalivelab.model.SegmentEvent;
import org.keepalivelab.model.SegmentKind;
import org.keepalivelab.model.Timeline;

/** A capture imported in a test: the result, the timeline, and which file packet became which event. */
record Imported(ImportResult result, Timeline timeline, Map<Long, Integer> eventOfPacket) {

    static Imported of(byte[] file) throws Exception {
        return of(file, null);
    }

    static Imported of(byte[] file, EndpointFilter filter) throws Exception {
        var timeline = new Timeline();
        var frames = new TreeMap<Long, Integer>();
        var result = CaptureImport.read("test.pcap", CaptureStream.of(new ByteArrayInputStream(file)), timeline,
                filter, frames::put);
        return new Imported(result, timeline, frames);
    }

    List<SegmentEvent> segments() {
        var segments = new ArrayList<SegmentEvent>();
        for (int i = 0; i < timeline.size(); i++) {
            if (timeline.get(i) instanceof SegmentEvent s) { // the states it implies are there too
                segments.add(s);
            }
        }
        return segments;
    }

    List<SegmentKind> kinds() {
        return segments().stream().map(SegmentEvent::kind).toList();
    }

    /** File packet number -> our kind, for every packet that became an event. */
    Map<Long, SegmentKind> kindOfPacket() {
        var kinds = new TreeMap<Long, SegmentKind>();
        eventOfPacket.forEach((packet, event) -> kinds.put(packet, timeline.segmentKind(event)));
        return kinds;
    }
}
