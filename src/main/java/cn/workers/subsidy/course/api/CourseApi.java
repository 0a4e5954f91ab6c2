package cn.workers.subsidy.course.api;

import cn.workers.subsidy.common.db.Reads;
import cn.workers.subsidy.academy.Academy;
import cn.workers.subsidy.academy.AcademyService;
import cn.workers.subsidy.vocabulary.Level;
import cn.workers.subsidy.vocabulary.Track;
import cn.workers.subsidy.common.paging.Connection;
import cn.workers.subsidy.common.security.CurrentCaller;
import cn.workers.subsidy.vocabulary.Roles;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import java.util.List;

import cn.workers.subsidy.course.Course;
import cn.workers.subsidy.course.CourseService;
import cn.workers.subsidy.course.CourseInput;
@GraphQLApi
public class CourseApi {

    private final Reads reads;

    private final CourseService service;
    private final AcademyService academies;
    private final CurrentCaller caller;

    CourseApi(CourseService service, AcademyService academies, CurrentCaller caller, Reads reads) {
        this.reads = reads;
        this.service = service;
        this.academies = academies;
        this.caller = caller;
    }

    @Query("courses")
    @Authenticated
    @Description("A campaign's courses by id, optionally of one track and target level; first at most 500 (default 20).")
    public @NonNull Uni<Connection<Course>> courses(@Name("campaignId") @Id @NonNull String campaignId, @Name("track") Track track,
            @Name("targetLevel") Level targetLevel, @Name("first") Integer first, @Name("after") String after) {
        return service.list(campaignId, track, targetLevel, first, after);
    }

    @Mutation("createCourse")
    @RolesAllowed({Roles.ADMIN, Roles.ACADEMY})
    @Description("Offers a course in a campaign (admins; an academy for itself and, as headquarters, for its branches).")
    public @NonNull Uni<Course> createCourse(@Name("input") @NonNull CourseInput input) {
        return service.create(caller.get(), input);
    }

    @Description("The academy that offers the course.")
    @NonNull
    public Uni<List<Academy>> academy(@Source List<Course> courses) {
        return reads.isolated(() -> academies.byIds(courses.stream().map(Course::academyId).toList()));
    }
}
