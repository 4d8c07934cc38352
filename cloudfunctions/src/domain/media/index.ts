/** File rules shared by features that show members' uploads to others (check-ins, avatars). */
export * from './uploads'
