package cn.workers.subsidy.course;

import cn.workers.subsidy.academy.Academy;
import cn.workers.subsidy.academy.AcademyEntity;
import cn.workers.subsidy.vocabulary.Level;
import cn.workers.subsidy.vocabulary.Track;
import cn.workers.subsidy.common.graphql.Preloaded;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.LocalDate;

/** A course as the API shows it; its academy comes from a batched field. */
@Type("Course")
public record Course(@Id @NonNull String id, @NonNull String name, @NonNull Track track, @NonNull Level targetLevel,
        @NonNull int tuitionFen, @NonNull int capacity, @NonNull LocalDate startsOn, @NonNull String externalCode,
        @Ignore Long academyId, @Ignore Long campaignId, @Ignore Academy loadedAcademy) implements Preloaded {

    public static Course of(CourseEntity e) {
        return e == null ? null : new Course(e.id.toString(), e.name, e.track, e.targetLevel, e.tuitionFen, e.capacity, e.startsOn,
                e.externalCode, e.academyId, e.campaignId, null);
    }

    /** The course with its academy as the service already read it: the {@code academy} field then needs no query. */
    public static Course of(CourseEntity e, AcademyEntity academy) {
        return e == null ? null : new Course(e.id.toString(), e.name, e.track, e.targetLevel, e.tuitionFen, e.capacity, e.startsOn,
                e.externalCode, e.academyId, e.campaignId, Academy.of(academy));
    }

    @Override
    public Object preloaded(String field) {
        return "academy".equals(field) ? loadedAcademy : null;
    }
}
