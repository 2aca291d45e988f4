package space.djangonaut.missioncontrol.common;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
class WeeklyAvailabilityConverter implements AttributeConverter<WeeklyAvailability, String> {

  @Override
  public String convertToDatabaseColumn(WeeklyAvailability availability) {
    return availability == null ? null : availability.stored();
  }

  @Override
  public WeeklyAvailability convertToEntityAttribute(String stored) {
    return stored == null ? null : WeeklyAvailability.parse(stored);
  }
}
