package org.keepalivelab.explain;

import java.util.List;

/**
 * Every rule of a story, by name, in the order their sentences go where two are about the same moment
 * (docs/explain.md says what each one's predicate is and which kernel code makes it true).
 */
enum StoryRules {
    FAULT(FaultStory::fault),
    KEEPALIVE_OFF(ProbeStory::keepaliveOff),
    RESTORED(FaultStory::restored),
    STUCK_IN_CLOSE_WAIT(CloseStory::stuckInCloseWait),
    PROBES_ANSWERED(ProbeStory::probesAnswered),
    ORPHAN_ANSWERED(CloseStory::orphanAnswered),
    PROBES_UNANSWERED(ProbeStory::probesUnanswered),
    INFERRED_PROBES(ProbeStory::inferredProbes),
    KEEPALIVE_TIMING(CaptureStory::keepaliveTiming),
    RETRANSMISSIONS(DataStory::retransmissions),
    ZERO_WINDOW_PROBES(DataStory::zeroWindowProbes),
    REPLY_AFTER_HALF_CLOSE(HalfCloseStory::replyAfterHalfClose),
    WRITE_DREW_RST(DataStory::writeDrewRst),
    MIDDLEBOX_RESET(FaultStory::middleboxReset),
    PROBE_DREW_RST(ProbeStory::probeDrewRst),
    GAVE_UP(ProbeStory::gaveUp),
    USER_TIMEOUT(ProbeStory::userTimeout),
    TIME_WAIT(CloseStory::timeWait),
    LEARNED(DetectionStory::learned),
    READ_FOR_THE_SERVER(DetectionStory::readForTheServer),
    MIDDLEBOX_KEPT(FaultStory::middleboxKept),
    NO_FAULT(FaultStory::noFault),
    NEXT_STEP(NextStory::nextStep),
    CAPTURE_LIMITS(CaptureStory::limits);

    private final StoryRule rule;

    StoryRules(StoryRule rule) {
        this.rule = rule;
    }

    List<Sentence> tell(ConnectionEvents events, List<Detection> detections) {
        return rule.tell(events, detections);
    }
}
