public enum LocalOfferVersion {
    public static let current = "0.1.0"
}
