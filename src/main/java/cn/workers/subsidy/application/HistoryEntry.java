package cn.workers.subsidy.application;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.OffsetDateTime;

import cn.workers.subsidy.vocabulary.ApplicationStatus;
/** One transition in an application's history. */
@Type("HistoryEntry")
public record HistoryEntry(@NonNull OffsetDateTime at, @NonNull String actorSubject, @NonNull String actorRole,
        @NonNull String action, ApplicationStatus fromStatus, @NonNull ApplicationStatus toStatus, String comment) {

    public static HistoryEntry of(HistoryEntity h) {
        return new HistoryEntry(h.at, h.actorSubject, h.actorRole, h.action, h.fromStatus, h.toStatus, h.comment);
    }
}
