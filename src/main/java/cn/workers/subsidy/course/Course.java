package cn.workers.subsidy.course;

import cn.workers.subsidy.campaign.Level;
import cn.workers.subsidy.campaign.Track;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;

/** A course or degree programme offered by an academy in a campaign. */
@Type("Course")
public record Course(@Id @NonNull String id, @NonNull String name, @NonNull Track track, @NonNull Level targetLevel,
        @NonNull int tuitionFen, @NonNull int capacity, @NonNull LocalDate startsOn, @NonNull String externalCode,
        @Ignore long academyId) {

    public static Course of(CourseEntity e) {
        return new Course(e.id.toString(), e.name, e.track, e.targetLevel, e.tuitionFen, e.capacity, e.startsOn, e.externalCode,
                e.academyId);
    }
}
