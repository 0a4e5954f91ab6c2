package cn.workers.subsidy.disbursement;


import cn.workers.subsidy.vocabulary.DisbursementStage;
/**
 * The subsidy arithmetic of the two instalments, in integer fen: the enrollment share is the
 * campaign's percentage of the subsidy rounded down, the completion share the rest, so the
 * instalments always add up to the subsidy. A share of 0 fen is not an instalment.
 */
public final class Instalments {

    private Instalments() {
    }

    /** An instalment to create: PENDING, for one application (of {@code campaignId}) and stage. */
    public record Due(long applicationId, long campaignId, DisbursementStage stage, int amountFen) {
    }

    public static int enrollmentShare(int subsidyFen, int sharePercent) {
        if (subsidyFen < 0 || sharePercent < 0 || sharePercent > 100) {
            throw new IllegalArgumentException("subsidy " + subsidyFen + ", share " + sharePercent + "%");
        }
        return (int) ((long) subsidyFen * sharePercent / 100);
    }

    public static int completionShare(int subsidyFen, int enrollmentShareFen) {
        if (enrollmentShareFen > subsidyFen) {
            throw new IllegalArgumentException("enrollment share " + enrollmentShareFen + " above the subsidy " + subsidyFen);
        }
        return subsidyFen - enrollmentShareFen;
    }

    /**
     * The subsidy after the academy reports the tuition actually paid: never more than that tuition,
     * never less than what was already granted as the enrollment share.
     */
    public static int subsidyAfterTuition(int subsidyFen, Integer tuitionPaidFen, int alreadyGrantedFen) {
        if (tuitionPaidFen == null || tuitionPaidFen >= subsidyFen) {
            return subsidyFen;
        }
        return Math.max(tuitionPaidFen, alreadyGrantedFen);
    }
}
