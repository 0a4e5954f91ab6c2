package cn.workers.subsidy.course;

import cn.workers.subsidy.academy.Academy;
import cn.workers.subsidy.academy.AcademyEntity;
import cn.workers.subsidy.common.db.Reads;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The academy of many courses in one query. */
@GraphQLApi
public class CourseFieldsApi {

    private final Reads reads;

    CourseFieldsApi(Reads reads) {
        this.reads = reads;
    }

    public Uni<List<@NonNull Academy>> academy(@Source List<Course> courses) {
        Set<Long> ids = courses.stream().map(Course::academyId).collect(Collectors.toSet());
        return reads.read(s -> s.createQuery("from AcademyEntity where id in ?1", AcademyEntity.class).setParameter(1, ids).getResultList())
                .map(rows -> {
                    Map<Long, AcademyEntity> byId = rows.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
                    return courses.stream().map(c -> Academy.of(byId.get(c.academyId()))).toList();
                });
    }
}
