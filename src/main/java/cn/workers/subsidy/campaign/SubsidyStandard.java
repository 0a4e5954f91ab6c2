package cn.workers.subsidy.campaign;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import cn.workers.subsidy.vocabulary.Level;
/** The most a campaign pays for one target level, in fen, with the level's Chinese label. */
@Type("SubsidyStandard")
public record SubsidyStandard(@NonNull Level level, @NonNull String levelLabel, @NonNull int maxSubsidyFen) {

    public static SubsidyStandard of(SubsidyStandardEntity e) {
        return new SubsidyStandard(e.key.level, e.key.level.label(), e.maxSubsidyFen);
    }
}
