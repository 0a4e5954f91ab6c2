package cn.workers.subsidy.vocabulary;

/** A campaign moves only forward: DRAFT → OPEN → CLOSED → ARCHIVED. */
public enum CampaignStatus {
    DRAFT, OPEN, CLOSED, ARCHIVED;

    public boolean canMoveTo(CampaignStatus next) {
        return next.ordinal() == ordinal() + 1;
    }
}
