package cn.workers.subsidy.campaign;

import cn.workers.subsidy.vocabulary.ReviewStage;
import cn.workers.subsidy.vocabulary.Track;
import jakarta.persistence.AttributeConverter;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Ordered lists of enum constants stored in one text column as their names, comma-separated
 * ({@code "GRASSROOTS,TOWNSHIP,COUNTY,CITY"}): what the campaign table holds since V2, readable in SQL.
 */
final class EnumLists {

    private EnumLists() {
    }

    abstract static class Of<E extends Enum<E>> implements AttributeConverter<List<E>, String> {
        private final Function<String, E> parse;

        Of(Function<String, E> parse) {
            this.parse = parse;
        }

        @Override
        public String convertToDatabaseColumn(List<E> values) {
            return values == null ? null : values.stream().map(Enum::name).collect(Collectors.joining(","));
        }

        @Override
        public List<E> convertToEntityAttribute(String column) {
            return column == null || column.isEmpty() ? List.of() : Arrays.stream(column.split(",")).map(parse).toList();
        }
    }

    static final class Tracks extends Of<Track> {
        Tracks() {
            super(Track::valueOf);
        }
    }

    static final class ReviewStages extends Of<ReviewStage> {
        ReviewStages() {
            super(ReviewStage::valueOf);
        }
    }
}
