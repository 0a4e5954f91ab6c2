package cn.workers.subsidy.course;

import jakarta.validation.constraints.Positive;
import cn.workers.subsidy.common.error.PlainText;
import cn.workers.subsidy.vocabulary.Level;
import cn.workers.subsidy.vocabulary.Track;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;

@Input("CourseInput")
public record CourseInput(@Id @NonNull String campaignId, @NonNull String academyCode, @NonNull @PlainText(max = 200) String name, @NonNull Track track,
        @NonNull Level targetLevel, @NonNull @Positive int tuitionFen, @NonNull @Positive int capacity, @NonNull LocalDate startsOn,
        @NonNull @PlainText(max = 64) String externalCode) {
}
