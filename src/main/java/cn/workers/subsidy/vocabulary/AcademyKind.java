package cn.workers.subsidy.vocabulary;

public enum AcademyKind {
    HEADQUARTERS, BRANCH, TRAINING_BASE, COLLEGE
}
