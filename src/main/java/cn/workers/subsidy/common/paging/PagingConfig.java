package cn.workers.subsidy.common.paging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Page sizes of every list ({@code subsidy.paging.*}). The contract fixes the maximum the clients may
 * ask for ("first above 500" is BATCH_TOO_LARGE): lower it if you must, never raise it.
 */
@ConfigMapping(prefix = "subsidy.paging")
public interface PagingConfig {

    /** The page size when a client sends no {@code first}. */
    @WithDefault("20")
    int defaultSize();

    /** The largest {@code first} a client may ask for. */
    @WithDefault("500")
    int maxSize();
}
