package cn.workers.subsidy.academy;

public enum AcademyKind {
    HEADQUARTERS, BRANCH, TRAINING_BASE, COLLEGE
}
