package cn.workers.subsidy.vocabulary;

public enum DisbursementStage {
    ENROLLMENT, COMPLETION
}
