package cn.workers.subsidy.course;

import cn.workers.subsidy.vocabulary.Level;
import cn.workers.subsidy.vocabulary.Track;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;

@Input("CourseInput")
public record CourseInput(@Id @NonNull String campaignId, @NonNull String academyCode, @NonNull String name, @NonNull Track track,
        @NonNull Level targetLevel, @NonNull int tuitionFen, @NonNull int capacity, @NonNull LocalDate startsOn,
        @NonNull String externalCode) {
}
