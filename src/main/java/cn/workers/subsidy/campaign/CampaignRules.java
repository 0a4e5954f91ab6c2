package cn.workers.subsidy.campaign;

import cn.workers.subsidy.common.error.Inputs;
import cn.workers.subsidy.common.error.DomainException;
import cn.workers.subsidy.vocabulary.ReviewStage;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import cn.workers.subsidy.vocabulary.Track;
import cn.workers.subsidy.vocabulary.Level;
/** What makes a campaign well-formed. Each refusal is VALIDATION naming the input field at fault. */
public final class CampaignRules {

    public static final int MIN_YEAR = 2000;
    public static final int MAX_YEAR = 2100;
    public static final int MAX_NAME = 200;
    public static final int MIN_AGE = 14;
    public static final int MAX_AGE = 100;
    public static final int DEFAULT_ENROLLMENT_SHARE = 50;

    private CampaignRules() {
    }

    /** The checked campaign, name trimmed and defaults filled in. */
    public record Checked(CampaignInput input, String name, int enrollmentSharePercent, Map<Level, Integer> standards) {
    }

    /** The rules across fields and against the ladders; each field's own bounds are its annotations ({@link CampaignInput}). */
    public static Checked check(CampaignInput in) {
        String name = in.name().strip();
        if (in.opensAt() == null || in.closesAt() == null || !in.closesAt().isAfter(in.opensAt())) {
            throw DomainException.validation("closesAt", "closesAt must be after opensAt");
        }
        checkTracks(in.tracks());
        checkStages(in.reviewStages());
        Map<Level, Integer> standards = checkStandards(in.tracks(), in.standards());
        if (in.minAge() != null && in.maxAge() != null && in.minAge() > in.maxAge()) {
            throw DomainException.validation("maxAge", "maxAge must not be below minAge");
        }
        int share = in.enrollmentSharePercent() == null ? DEFAULT_ENROLLMENT_SHARE : in.enrollmentSharePercent();
        return new Checked(in, name, share, standards);
    }

    private static void checkTracks(List<Track> tracks) {
        if (tracks == null || tracks.isEmpty()) {
            throw DomainException.validation("tracks", "a campaign funds at least one track");
        }
        if (new HashSet<>(tracks).size() != tracks.size()) {
            throw DomainException.validation("tracks", "a track is listed twice");
        }
    }

    /** Non-empty, no repeats, from the workplace up: GRASSROOTS, TOWNSHIP, COUNTY, CITY, PROVINCE. */
    static void checkStages(List<ReviewStage> stages) {
        if (stages == null || stages.isEmpty()) {
            throw DomainException.validation("reviewStages", "a campaign has at least one review stage");
        }
        for (int i = 1; i < stages.size(); i++) {
            if (stages.get(i).depth() >= stages.get(i - 1).depth()) {
                throw DomainException.validation("reviewStages",
                        "review stages run once each from the workplace up (GRASSROOTS, TOWNSHIP, COUNTY, CITY, PROVINCE)");
            }
        }
    }

    /** Exactly one positive standard for every level of every funded track, none for other levels. */
    static Map<Level, Integer> checkStandards(List<Track> tracks, List<SubsidyStandardInput> standards) {
        Map<Level, Integer> byLevel = new EnumMap<>(Level.class);
        for (SubsidyStandardInput s : standards == null ? List.<SubsidyStandardInput>of() : standards) {
            if (!tracks.contains(s.level().track())) {
                throw DomainException.validation("standards", s.level() + " is on the " + s.level().track() + " track, which this campaign does not fund");
            }
            if (s.maxSubsidyFen() <= 0) {
                throw DomainException.validation("maxSubsidyFen", "the standard for " + s.level() + " must be a positive amount of fen");
            }
            if (byLevel.put(s.level(), s.maxSubsidyFen()) != null) {
                throw DomainException.validation("standards", "two standards for " + s.level());
            }
        }
        for (Track track : tracks) {
            for (Level level : Level.of(track)) {
                if (!byLevel.containsKey(level)) {
                    throw DomainException.validation("standards", "no standard for " + level);
                }
            }
        }
        return byLevel;
    }

}
