package cn.workers.subsidy.disbursement;

public enum DisbursementStage {
    ENROLLMENT, COMPLETION
}
