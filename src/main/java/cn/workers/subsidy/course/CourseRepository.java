package cn.workers.subsidy.course;

import cn.workers.subsidy.vocabulary.Level;
import cn.workers.subsidy.vocabulary.Track;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class CourseRepository implements PanacheRepository<CourseEntity> {

    /** A campaign's courses, optionally of one track and target level. */
    public record Filter(long campaignId, Track track, Level targetLevel) {

        String where() {
            return "campaignId = :campaign" + (track == null ? "" : " and track = :track")
                    + (targetLevel == null ? "" : " and targetLevel = :level");
        }

        Parameters parameters() {
            Parameters p = Parameters.with("campaign", campaignId);
            if (track != null) {
                p.and("track", track);
            }
            if (targetLevel != null) {
                p.and("level", targetLevel);
            }
            return p;
        }
    }

    public Uni<Long> count(Filter filter) {
        return count(filter.where(), filter.parameters());
    }

    /** Up to {@code limit} courses with an id above {@code afterId} (0 for the start), by id. */
    public Uni<List<CourseEntity>> page(Filter filter, long afterId, int limit) {
        return find(filter.where() + " and id > :after", Sort.by("id"), filter.parameters().and("after", afterId))
                .range(0, limit - 1).list();
    }

    public Uni<Boolean> externalCodeTaken(long academyId, long campaignId, String externalCode) {
        return count("academyId = ?1 and campaignId = ?2 and externalCode = ?3", academyId, campaignId, externalCode).map(n -> n > 0);
    }
}
