public enum DeskTUIPlaceholder {}
