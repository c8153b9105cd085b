export async function seedInventory() {}
