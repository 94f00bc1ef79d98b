CREATE TABLE "hall_favourites" (
	"user_id" text NOT NULL,
	"service_code" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "hall_favourites_user_id_service_code_pk" PRIMARY KEY("user_id","service_code")
);
--> statement-breakpoint
CREATE TABLE "hall_recent" (
	"user_id" text NOT NULL,
	"service_code" text NOT NULL,
	"opened_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "hall_recent_user_id_service_code_pk" PRIMARY KEY("user_id","service_code")
);
--> statement-breakpoint
ALTER TABLE "hall_favourites" ADD CONSTRAINT "hall_favourites_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_recent" ADD CONSTRAINT "hall_recent_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hall_favourites_user_created_idx" ON "hall_favourites" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "hall_recent_user_opened_idx" ON "hall_recent" USING btree ("user_id","opened_at");