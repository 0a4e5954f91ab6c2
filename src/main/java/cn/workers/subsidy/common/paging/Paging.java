package cn.workers.subsidy.common.paging;

import jakarta.enterprise.context.ApplicationScoped;

/** Builds the {@link PageRequest} of a list call with the configured sizes ({@link PagingConfig}). */
@ApplicationScoped
public class Paging {

    private final PagingConfig sizes;

    Paging(PagingConfig sizes) {
        this.sizes = sizes;
    }

    /** {@code first} checked against the sizes (BATCH_TOO_LARGE above the maximum), {@code after} decoded. */
    public PageRequest request(Integer first, String after) {
        return PageRequest.of(first, after, sizes.defaultSize(), sizes.maxSize());
    }
}
